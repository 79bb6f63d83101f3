namespace ClaudBot.Cluster.Schedules;

/// <summary>A schedule field that does not read, naming the field as the API's body spells it, so a 400 can point at it.</summary>
public sealed class ScheduleFieldException : FormatException
{
    public ScheduleFieldException(string field, string message)
        : base(message) => Field = field;

    public ScheduleFieldException()
    {
        Field = string.Empty;
    }

    public ScheduleFieldException(string message)
        : base(message) => Field = string.Empty;

    public ScheduleFieldException(string message, Exception innerException)
        : base(message, innerException) => Field = string.Empty;

    public string Field { get; }
}
