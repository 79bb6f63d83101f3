namespace ClaudBot.Cluster.Tests.Support.FaultHook;

/// <summary>An observer that only takes values.</summary>
internal sealed class Observer<T>(Action<T> onNext) : IObserver<T>
{
    public void OnNext(T value) => onNext(value);

    public void OnError(Exception error)
    {
    }

    public void OnCompleted()
    {
    }
}
