using System.Text.Json;

namespace Cases.Projections.Daemon;

/// <summary>Enum values as the read models store them: snake_case, as in the event JSON (<c>waiting_for_citizen</c>).</summary>
internal static class Names
{
    public static string Snake<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    public static T Parse<T>(string stored) where T : struct, Enum =>
        Enum.Parse<T>(stored.Replace("_", "", StringComparison.Ordinal), ignoreCase: true);
}
