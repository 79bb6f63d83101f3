namespace ClaudBot.Cluster.Results;

/// <summary>The median of a sample: the middle value, or the mean of the two middle values; null for none.</summary>
internal static class Median
{
    /// <remarks>Sorts <paramref name="values"/> in place.</remarks>
    public static double? Of(List<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        int middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
