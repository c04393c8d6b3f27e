using System.Text.Json;
using System.Text.Json.Nodes;

namespace Harness.Tests.Reports;

/// <summary>One tab of <see cref="HeadlessChromium"/>, attached with its own session, with the console, log and network watched from the start.</summary>
sealed class BrowserPage
{
    readonly DevToolsConnection _connection;
    readonly string _session;

    BrowserPage(DevToolsConnection connection, string session)
    {
        _connection = connection;
        _session = session;
    }

    public static async Task<BrowserPage> OpenAsync(HeadlessChromium browser, int width, int height, CancellationToken cancellationToken)
    {
        var connection = browser.Connection;
        var target = await connection.SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, null, cancellationToken);
        var attached = await connection.SendAsync("Target.attachToTarget",
            new JsonObject { ["targetId"] = target.GetProperty("targetId").GetString(), ["flatten"] = true }, null, cancellationToken);
        var page = new BrowserPage(connection, attached.GetProperty("sessionId").GetString()!);
        foreach (var domain in new[] { "Page.enable", "Runtime.enable", "Log.enable", "Network.enable" })
            await page.SendAsync(domain, null, cancellationToken);
        await page.SendAsync("Emulation.setDeviceMetricsOverride",
            new JsonObject { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false }, cancellationToken);
        return page;
    }

    /// <summary>The events of this tab only.</summary>
    public IEnumerable<DevToolsEvent> Events => _connection.Events.Where(e => e.SessionId == _session);

    public async Task NavigateAsync(string url, CancellationToken cancellationToken)
    {
        var answer = await SendAsync("Page.navigate", new JsonObject { ["url"] = url }, cancellationToken);
        if (answer.TryGetProperty("errorText", out var error))
            throw new InvalidOperationException($"{url} did not open: {error.GetString()}");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!Events.Any(e => e.Method == "Page.loadEventFired"))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{url} did not finish loading within 60 s");
            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>Runs <paramref name="expression"/> in the page and returns its value (JSON-serialisable values only).</summary>
    public async Task<JsonElement> EvaluateAsync(string expression, CancellationToken cancellationToken)
    {
        var answer = await SendAsync("Runtime.evaluate",
            new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true }, cancellationToken);
        if (answer.TryGetProperty("exceptionDetails", out var exception))
            throw new InvalidOperationException($"the page threw: {exception}");
        return answer.GetProperty("result").TryGetProperty("value", out var value) ? value : default;
    }

    /// <summary>The whole page as PNG, beyond the viewport.</summary>
    public async Task<byte[]> ScreenshotAsync(CancellationToken cancellationToken, JsonObject? clip = null)
    {
        var parameters = new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = true };
        if (clip is not null)
            parameters["clip"] = clip;
        var answer = await SendAsync("Page.captureScreenshot", parameters, cancellationToken);
        return Convert.FromBase64String(answer.GetProperty("data").GetString()!);
    }

    /// <summary>
    /// What a reader would see go wrong: console errors and warnings, uncaught exceptions, the
    /// browser's own log errors (a blocked resource, a Content-Security-Policy violation), failed
    /// requests, and any request that is not for a local file (the report must need no network).
    /// </summary>
    public IReadOnlyList<string> Problems() => Events.SelectMany(Problem).ToList();

    static IEnumerable<string> Problem(DevToolsEvent e)
    {
        switch (e.Method)
        {
            case "Runtime.consoleAPICalled" when e.Params.GetProperty("type").GetString() is "error" or "assert" or "warning":
                yield return $"console.{e.Params.GetProperty("type").GetString()}: {e.Params.GetProperty("args")}";
                break;
            case "Runtime.exceptionThrown":
                yield return $"exception: {e.Params.GetProperty("exceptionDetails")}";
                break;
            case "Log.entryAdded" when e.Params.GetProperty("entry").GetProperty("level").GetString() is "error" or "warning":
                yield return $"log: {e.Params.GetProperty("entry").GetProperty("text").GetString()}";
                break;
            case "Network.loadingFailed":
                yield return $"request failed: {e.Params.GetProperty("errorText").GetString()}";
                break;
            case "Network.requestWillBeSent" when e.Params.GetProperty("request").GetProperty("url").GetString() is { } url
                                                  && !url.StartsWith("file:", StringComparison.Ordinal) && !url.StartsWith("about:", StringComparison.Ordinal):
                yield return $"request outside the run folder: {url}";
                break;
        }
    }

    Task<JsonElement> SendAsync(string method, JsonObject? parameters, CancellationToken cancellationToken) =>
        _connection.SendAsync(method, parameters, _session, cancellationToken);
}
