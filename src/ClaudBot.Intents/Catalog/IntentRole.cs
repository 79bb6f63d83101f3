namespace ClaudBot.Intents.Catalog;

/// <summary>Who may use an intent: viewers read, operators also change things.</summary>
public enum IntentRole
{
    Viewer,
    Operator,
}
