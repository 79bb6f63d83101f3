namespace ClaudBot.Ssh.Setup;

/// <summary>
/// The password as the first line of a text stream (<c>--password-stdin</c>, tests): read once, then the
/// same value for every later request (login and sudo are the same account).
/// </summary>
public sealed class TextPasswordSource(TextReader reader) : IPasswordSource
{
    private string? _password;
    private bool _read;

    public string? Read(string prompt)
    {
        if (!_read)
        {
            _read = true;
            string? line = reader.ReadLine();
            _password = string.IsNullOrEmpty(line) ? null : line;
        }

        return _password;
    }
}
