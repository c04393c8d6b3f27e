using System.Text.Json;

namespace Harness.Records.Json;

/// <summary>
/// Enum values as run.json spells them: the member's name in SNAKE_CASE capitals (PASS,
/// BOOT_TIMEOUT), as the tables print outcomes. Read back strictly: an unknown word is a bad file.
/// </summary>
public static class Words
{
    public static string Write<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseUpper.ConvertName(value.ToString());

    public static T Read<T>(string word) where T : struct, Enum =>
        Enum.GetValues<T>().Where(value => Write(value) == word).Cast<T?>().FirstOrDefault()
        ?? throw new JsonException($"'{word}' is not a {typeof(T).Name} of run.json");
}
