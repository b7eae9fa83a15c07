namespace Cases.Sla;

/// <summary>Opens the SLA data files embedded in this assembly (<c>Sla/Data/**</c>).</summary>
internal static class EmbeddedData
{
    public static T Read<T>(string fileName, Func<string, TextReader, T> parse)
    {
        var name = WorkingCalendar.ResourcePrefix + fileName;
        using var stream = typeof(WorkingCalendar).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException(
                $"The resource {name} is not embedded; Cases.csproj needs <EmbeddedResource Include=\"Sla/Data/**\" />.");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return parse(fileName, reader);
    }
}
