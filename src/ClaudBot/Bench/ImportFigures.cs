namespace ClaudBot.Bench;

/// <summary>
/// One generated import from <see cref="ImportBench"/>: its size, time, and memory (the process's peak working set and
/// the GC heap's peak, each sampled during the import, beside the largest file) to show memory stays near one file.
/// </summary>
internal sealed record ImportFigures(int Symbols, int Years, long Rows, long Bytes, long LargestFileBytes, TimeSpan Elapsed, long WorkingSetBefore, long PeakWorkingSet, long PeakHeap);
