using System.Runtime.Versioning;

// The harness drives QEMU, apt and dpkg: it runs on Linux only.
[assembly: SupportedOSPlatform("linux")]
