namespace Harness.GuestImage;

/// <summary>Where one guest image lives: <c>&lt;cache&gt;/guest/&lt;hash&gt;/</c> and, beside it, its publish folder and lock.</summary>
internal sealed record GuestCacheEntry(string CacheRoot, string Hash)
{
    string GuestCache => Path.Combine(CacheRoot, "guest");

    public string Folder => Path.Combine(GuestCache, Hash);

    public string ImagePath => Path.Combine(Folder, GuestImageBuilder.ImageFileName);

    public string PublishFolder => Path.Combine(GuestCache, $"publish-{Hash}");

    public string PublishLog => Path.Combine(Folder, "publish.log");

    /// <summary>Held while the image is built, by one harness process at a time.</summary>
    public string LockPath => Path.Combine(GuestCache, $"{Hash}.lock");
}
