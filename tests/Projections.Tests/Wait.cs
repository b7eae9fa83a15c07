namespace Cases.Projections.Tests;

static class Wait
{
    /// <summary>Polls <paramref name="condition"/> until it holds or the deadline passes (30 s by default). Never a fixed sleep.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            if (await condition()) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for {what}.");
            await Task.Delay(25);
        }
    }
}
