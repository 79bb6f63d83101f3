namespace ClaudBot.Doctor;

/// <summary>The outcome of one doctor check; only <see cref="Fail"/> makes <c>doctor</c> exit non-zero.</summary>
internal enum DoctorStatus
{
    Ok,
    Warn,
    Skip,
    Fail,
}
