using Cases.Domain;
using Cases.GraphQL.Media;
using ImageMagick;
using ImageMagick.Drawing;

namespace Cases.GraphQL.Seeding;

/// <summary>
/// Photos for a few demo reports, so the site's case pages and map show what photos look like. Drawn at seed time
/// with Magick.NET (a street under a sky, with a blot in the category's colour where the trouble is), so nothing
/// binary is committed, and uploaded through <see cref="MediaCatalog"/> like a citizen's: stripped, re-encoded,
/// thumbnailed and stored in whichever media store is configured. Every <see cref="Every"/>th field report that
/// carries photos and a place gets them, up to <see cref="MaxCases"/>, with as many photos as its plan names (a plan's refs
/// are otherwise placeholders no one can fetch), so the simulated workflow and the real one stay the same.
/// </summary>
public sealed class DemoPhotos(MediaCatalog catalog)
{
    public const int Every = 25, MaxCases = 40, Width = 1024, Height = 768;

    // With a place, so the map shows them too.
    internal static bool Chosen(CasePlan plan) =>
        plan.Kind == CaseKind.FieldReport && plan.MediaRefs.Count > 0 && plan.Location is not null && plan.Index % Every == 0;

    /// <summary>The plans, those chosen with their refs replaced by the ids of photos just uploaded.</summary>
    internal async Task<IReadOnlyList<CasePlan>> AttachAsync(IReadOnlyList<CasePlan> plans, CancellationToken ct)
    {
        var result = plans.ToArray();
        var chosen = 0;
        for (var i = 0; i < result.Length && chosen < MaxCases; i++)
        {
            var plan = result[i];
            if (!Chosen(plan)) continue;
            var ids = new List<string>();
            for (var k = 0; k < plan.MediaRefs.Count; k++)
                ids.Add((await catalog.UploadAsync(Render(plan.Category, plan.Index * 10 + k), ct)).Id.ToString());
            result[i] = plan with { MediaRefs = ids };
            chosen++;
        }
        return result;
    }

    /// <summary>A phone-sized JPEG of an invented scene; the same category and number give the same picture.</summary>
    public static byte[] Render(string category, int number)
    {
        // string.GetHashCode differs from process to process; this one does not.
        var hash = category.Aggregate(17u, (h, c) => h * 31 + c);
        var rng = new Random((int)(hash % 100_000) * 1000 + number);
        var trouble = Palette[hash % (uint)Palette.Length];
        var horizon = Height * (40 + rng.Next(20)) / 100;
        using var image = new MagickImage(MagickColors.White, Width, Height);
        using (var sky = new MagickImage($"gradient:#8db9e3-#eef3f6", Width, (uint)horizon)) image.Composite(sky, 0, 0);
        using (var ground = new MagickImage($"gradient:#9a9a92-#5f5f5a", Width, (uint)(Height - horizon))) image.Composite(ground, 0, horizon);
        var drawing = new Drawables()
            // A kerb, a row of trees and the trouble itself.
            .FillColor(new MagickColor("#c9c4b6")).Rectangle(0, horizon, Width, horizon + 24)
            .FillColor(new MagickColor("#3f7a3a"));
        for (var x = rng.Next(60); x < Width; x += 140 + rng.Next(80))
            drawing.Ellipse(x, horizon - 40, 36 + rng.Next(20), 50 + rng.Next(25), 0, 360);
        drawing.FillColor(new MagickColor(trouble))
            .Ellipse(Width * (30 + rng.Next(40)) / 100.0, horizon + (Height - horizon) * 0.55, 90 + rng.Next(90), 30 + rng.Next(40), 0, 360)
            .Draw(image);
        image.Format = MagickFormat.Jpeg;
        image.Quality = 88;
        return image.ToByteArray();
    }

    static readonly string[] Palette = ["#6b4a2b", "#2f5d8a", "#8a2f2f", "#c98a1b", "#3b3b3b", "#5a6e2c"];
}
