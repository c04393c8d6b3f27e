using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Harness.Tests.Reports;

/// <summary>An event the browser sent on its own (a console message, a failed request, a page load).</summary>
sealed record DevToolsEvent(string Method, string? SessionId, JsonElement Params);

/// <summary>
/// The Chrome DevTools protocol over one WebSocket, spoken directly: commands with ids answered by
/// id, everything else kept as events. Playwright would bring a Node driver and its own browser
/// builds; Debian's chromium speaks this protocol itself, so the test needs only .NET's WebSocket.
/// </summary>
sealed class DevToolsConnection : IAsyncDisposable
{
    readonly ClientWebSocket _socket = new();
    readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    readonly ConcurrentQueue<DevToolsEvent> _events = new();
    readonly CancellationTokenSource _stop = new();
    Task _receiving = Task.CompletedTask;
    int _nextId;

    public IReadOnlyCollection<DevToolsEvent> Events => _events;

    public static async Task<DevToolsConnection> OpenAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        var connection = new DevToolsConnection();
        await connection._socket.ConnectAsync(endpoint, cancellationToken);
        connection._receiving = Task.Run(() => connection.ReceiveAsync(connection._stop.Token), CancellationToken.None);
        return connection;
    }

    /// <summary>Sends a command (to a page when <paramref name="sessionId"/> names its session) and returns its result.</summary>
    public async Task<JsonElement> SendAsync(string method, JsonObject? parameters, string? sessionId, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId);
        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answer;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        if (sessionId is not null)
            message["sessionId"] = sessionId;
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        await using var _ = cancellationToken.Register(() => answer.TrySetCanceled(cancellationToken));
        return await answer.Task;
    }

    /// <summary>Waits until an event with this method has arrived (or had already), for a page load.</summary>
    public async Task WaitForEventAsync(string method, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!_events.Any(e => e.Method == method))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"no {method} within {timeout.TotalSeconds:0} s");
            await Task.Delay(50, cancellationToken);
        }
    }

    async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var received = await _socket.ReceiveAsync(buffer, cancellationToken);
                if (received.MessageType == WebSocketMessageType.Close)
                    break;
                message.Write(buffer, 0, received.Count);
                if (!received.EndOfMessage)
                    continue;
                Dispatch(JsonDocument.Parse(message.ToArray()).RootElement.Clone());
                message.SetLength(0);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // The browser closed or was stopped: whatever still waits hears it below.
        }
        foreach (var waiting in _pending.Values)
            waiting.TrySetException(new IOException("the browser closed the DevTools connection"));
    }

    void Dispatch(JsonElement message)
    {
        if (message.TryGetProperty("id", out var id) && _pending.TryRemove(id.GetInt32(), out var answer))
        {
            if (message.TryGetProperty("error", out var error))
                answer.TrySetException(new InvalidOperationException($"DevTools error: {error}"));
            else
                answer.TrySetResult(message.GetProperty("result"));
            return;
        }
        if (message.TryGetProperty("method", out var method))
            _events.Enqueue(new DevToolsEvent(method.GetString()!,
                message.TryGetProperty("sessionId", out var session) ? session.GetString() : null,
                message.TryGetProperty("params", out var parameters) ? parameters : default));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _receiving;
        }
        finally
        {
            _socket.Dispose();
            _stop.Dispose();
        }
    }
}
