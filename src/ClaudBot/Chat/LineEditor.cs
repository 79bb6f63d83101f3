using System.Text;
using ClaudBot.Hosting;

namespace ClaudBot.Chat;

/// <summary>
/// Reads a line at the chat prompt with editing and history: arrows, Home/End, Backspace/Delete,
/// Up/Down through earlier lines (kept in a file across sessions), Ctrl+C clears the line, Ctrl+D on an
/// empty line ends the chat. Spectre.Console has no line editor, and RadLine (its preview) is built
/// against an incompatible Spectre version. When input is not a terminal, plain lines are read.
/// </summary>
internal sealed class LineEditor(string prompt, string historyFile)
{
    private const int HistorySize = 500;
    private readonly List<string> _history = Load(historyFile);

    /// <summary>The next line, or null at the end of input.</summary>
    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        if (Console.IsInputRedirected)
        {
            Console.Write(prompt);
            return await Console.In.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        }

        string? line = ReadInteractive();
        if (!string.IsNullOrWhiteSpace(line) && (_history.Count == 0 || _history[^1] != line))
        {
            _history.Add(line);
            Save();
        }

        return line;
    }

    private string? ReadInteractive()
    {
        bool treatControlC = Console.TreatControlCAsInput;
        Console.TreatControlCAsInput = true;
        try
        {
            var buffer = new StringBuilder();
            int cursor = 0;
            int browsing = _history.Count;
            Console.Write(prompt);
            while (true)
            {
                var key = Console.ReadKey(intercept: true);
                switch (key.Key)
                {
                    case ConsoleKey.Enter:
                        Console.WriteLine();
                        return buffer.ToString();
                    case ConsoleKey.Backspace when cursor > 0:
                        buffer.Remove(--cursor, 1);
                        break;
                    case ConsoleKey.Delete when cursor < buffer.Length:
                        buffer.Remove(cursor, 1);
                        break;
                    case ConsoleKey.LeftArrow when cursor > 0:
                        cursor--;
                        break;
                    case ConsoleKey.RightArrow when cursor < buffer.Length:
                        cursor++;
                        break;
                    case ConsoleKey.Home:
                        cursor = 0;
                        break;
                    case ConsoleKey.End:
                        cursor = buffer.Length;
                        break;
                    case ConsoleKey.UpArrow when browsing > 0:
                    case ConsoleKey.DownArrow when browsing < _history.Count:
                        browsing += key.Key == ConsoleKey.UpArrow ? -1 : 1;
                        buffer.Clear().Append(browsing < _history.Count ? _history[browsing] : string.Empty);
                        cursor = buffer.Length;
                        break;
                    case ConsoleKey.C when key.Modifiers.HasFlag(ConsoleModifiers.Control):
                        Console.WriteLine("^C");
                        buffer.Clear();
                        cursor = 0;
                        Console.Write(prompt);
                        continue;
                    case ConsoleKey.D when key.Modifiers.HasFlag(ConsoleModifiers.Control) && buffer.Length == 0:
                        Console.WriteLine();
                        return null;
                    default:
                        if (!char.IsControl(key.KeyChar))
                        {
                            buffer.Insert(cursor++, key.KeyChar);
                        }

                        break;
                }

                Redraw(buffer, cursor);
            }
        }
        finally
        {
            Console.TreatControlCAsInput = treatControlC;
        }
    }

    // Back to the line's start, prompt and text again, clear what is left of an older longer text, cursor into place.
    private void Redraw(StringBuilder buffer, int cursor)
    {
        Console.Write($"\r{prompt}{buffer}\u001b[K");
        int back = buffer.Length - cursor;
        if (back > 0)
        {
            Console.Write($"\u001b[{back}D");
        }
    }

    private static List<string> Load(string path)
    {
        try
        {
            return File.Exists(path) ? [.. File.ReadLines(path).TakeLast(HistorySize)] : [];
        }
        catch (IOException)
        {
            return [];
        }
    }

    private void Save()
    {
        try
        {
            PrivateFiles.CreateDirectory(Path.GetDirectoryName(historyFile)!);
            PrivateFiles.WriteAllLines(historyFile, _history.TakeLast(HistorySize));
        }
        catch (IOException)
        {
            // History is a convenience; a read-only folder must not stop the chat.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
