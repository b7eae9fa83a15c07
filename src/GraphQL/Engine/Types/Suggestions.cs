namespace Cases.GraphQL.Engine.Types;

/// <summary>graphql-js didYouMean and suggestionList (Damerau-Levenshtein within 40% of the input's length).</summary>
public static class Suggestions
{
    private const int MaxSuggestions = 5;

    // graphql-js's hideSuggestions, as an ambient flag so every message builder (rules, input coercion, enum
    // parsing) honours it without threading an option through each of them. It flows with async calls.
    private static readonly AsyncLocal<bool> Hidden = new();

    /// <summary>
    /// Until disposed, "Did you mean ...?" hints are left out of messages (graphql-js hideSuggestions): with
    /// introspection off, suggestions would reveal the schema's names.
    /// </summary>
    public static IDisposable Hide()
    {
        var previous = Hidden.Value;
        Hidden.Value = true;
        return new Restore(previous);
    }

    private sealed class Restore(bool previous) : IDisposable
    {
        public void Dispose() => Hidden.Value = previous;
    }

    public static string DidYouMean(IReadOnlyList<string> suggestions) => DidYouMean(null, suggestions);

    public static string DidYouMean(string? subMessage, IReadOnlyList<string> suggestions)
    {
        if (Hidden.Value) return "";
        var message = " Did you mean " + (subMessage is null ? "" : subMessage + " ");
        var quoted = suggestions.Select(s => $"\"{s}\"").ToList();
        switch (quoted.Count)
        {
            case 0: return "";
            case 1: return message + quoted[0] + "?";
            case 2: return message + quoted[0] + " or " + quoted[1] + "?";
        }
        var selected = quoted.Take(MaxSuggestions).ToList();
        var last = selected[^1];
        selected.RemoveAt(selected.Count - 1);
        return message + string.Join(", ", selected) + ", or " + last + "?";
    }

    public static IReadOnlyList<string> List(string input, IEnumerable<string> options)
    {
        var byDistance = new Dictionary<string, int>();
        var threshold = (int)Math.Floor(input.Length * 0.4) + 1;
        foreach (var option in options)
        {
            var distance = Measure(input, option, threshold);
            if (distance is { } d) byDistance.TryAdd(option, d);
        }
        var keys = byDistance.Keys.ToList();
        keys.Sort((a, b) => byDistance[a] != byDistance[b] ? byDistance[a] - byDistance[b] : NaturalCompare(a, b));
        return keys;
    }

    private static int? Measure(string input, string option, int threshold)
    {
        if (input == option) return 0;
        var inputLower = input.ToLowerInvariant();
        var optionLower = option.ToLowerInvariant();
        if (inputLower == optionLower) return 1; // any case change counts as a single edit
        var a = optionLower;
        var b = inputLower;
        if (a.Length < b.Length) (a, b) = (b, a);
        if (a.Length - b.Length > threshold) return null;
        var rows = new int[3][];
        for (var r = 0; r < 3; r++) rows[r] = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) rows[0][j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            var upRow = rows[(i - 1) % 3];
            var currentRow = rows[i % 3];
            var smallestCell = currentRow[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var currentCell = Math.Min(Math.Min(upRow[j] + 1, currentRow[j - 1] + 1), upRow[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    currentCell = Math.Min(currentCell, rows[(i - 2) % 3][j - 2] + 1);
                if (currentCell < smallestCell) smallestCell = currentCell;
                currentRow[j] = currentCell;
            }
            if (smallestCell > threshold) return null;
        }
        var distance = rows[a.Length % 3][b.Length];
        return distance <= threshold ? distance : null;
    }

    /// <summary>graphql-js naturalCompare: digit runs compare by numeric value.</summary>
    public static int NaturalCompare(string a, string b)
    {
        int ai = 0, bi = 0;
        while (ai < a.Length && bi < b.Length)
        {
            var ac = a[ai];
            var bc = b[bi];
            if (char.IsAsciiDigit(ac) && char.IsAsciiDigit(bc))
            {
                long an = 0, bn = 0;
                do { an = an * 10 + (a[ai] - '0'); ai++; } while (ai < a.Length && char.IsAsciiDigit(a[ai]));
                do { bn = bn * 10 + (b[bi] - '0'); bi++; } while (bi < b.Length && char.IsAsciiDigit(b[bi]));
                if (an != bn) return an < bn ? -1 : 1;
            }
            else
            {
                if (ac != bc) return ac < bc ? -1 : 1;
                ai++;
                bi++;
            }
        }
        return a.Length - ai - (b.Length - bi);
    }
}
