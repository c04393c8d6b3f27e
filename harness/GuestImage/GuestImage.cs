namespace Harness.GuestImage;

/// <summary>The initramfs that holds the whole guest root.</summary>
/// <param name="InitramfsPath">The gzip'd newc cpio in the cache.</param>
/// <param name="ContentHash">Hash of the inputs it was built from (its cache key).</param>
/// <param name="FromCache">True when neither the guest nor the archive was rebuilt this time.</param>
public sealed record GuestImage(string InitramfsPath, string ContentHash, bool FromCache);
