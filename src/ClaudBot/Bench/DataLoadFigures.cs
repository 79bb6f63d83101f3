namespace ClaudBot.Bench;

/// <summary>Average time to get one symbol's bars three ways, from <see cref="DataLoadBench"/>.</summary>
internal sealed record DataLoadFigures(string Symbol, int Bars, double CsvParseMicroseconds, double BinaryCacheMicroseconds, double InMemoryMicroseconds);
