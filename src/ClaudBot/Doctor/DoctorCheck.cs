namespace ClaudBot.Doctor;

/// <summary>One line of <c>doctor</c>: what was checked, how it went, and the one-line reason.</summary>
internal sealed record DoctorCheck(string Name, DoctorStatus Status, string Detail)
{
    public static DoctorCheck Ok(string name, string detail) => new(name, DoctorStatus.Ok, detail);

    public static DoctorCheck Warn(string name, string detail) => new(name, DoctorStatus.Warn, detail);

    public static DoctorCheck Skip(string name, string detail) => new(name, DoctorStatus.Skip, detail);

    public static DoctorCheck Fail(string name, string detail) => new(name, DoctorStatus.Fail, detail);
}
