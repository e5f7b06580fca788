using System;
using System.Collections.Generic;
using System.Globalization;

namespace CmkLint.Rules;

/// <summary>
/// The API versions of <c>Microsoft.ContainerRegistry/registries</c> and whether each has
/// <c>properties.encryption</c>: the one table CMK014 reads. The test suite checks it against the
/// Bicep type index (NuGet package Azure.Bicep.Types.Az), so a new version shows up as a test failure.
/// </summary>
public static class RegistryApiVersions
{
    /// <summary>The first API version with <c>properties.encryption</c>.</summary>
    public const string FirstWithEncryption = "2019-12-01-preview";

    private static readonly Dictionary<string, bool> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["2017-03-01"] = false,
        ["2017-10-01"] = false,
        ["2019-05-01"] = false,
        ["2019-12-01-preview"] = true,
        ["2020-11-01-preview"] = true,
        ["2021-06-01-preview"] = true,
        ["2021-08-01-preview"] = true,
        ["2021-09-01"] = true,
        ["2021-12-01-preview"] = true,
        ["2022-02-01-preview"] = true,
        ["2022-12-01"] = true,
        ["2023-01-01-preview"] = true,
        ["2023-06-01-preview"] = true,
        ["2023-07-01"] = true,
        ["2023-08-01-preview"] = true,
        ["2023-11-01-preview"] = true,
        ["2024-11-01-preview"] = true,
        ["2025-03-01-preview"] = true,
        ["2025-04-01"] = true,
        ["2025-05-01-preview"] = true,
        ["2025-06-01-preview"] = true,
        ["2025-11-01"] = true,
        ["2026-01-01-preview"] = true,
        ["2026-03-01-preview"] = true,
        ["2026-09-01-preview"] = true,
    };

    /// <summary>The newest API version in the table that is not a preview and has <c>properties.encryption</c> (what CMK014's fix writes).</summary>
    public static string NewestStableWithEncryption
    {
        get
        {
            string newest = FirstWithEncryption;
            foreach (var pair in Known)
            {
                if (pair.Value && !pair.Key.EndsWith("-preview", StringComparison.OrdinalIgnoreCase) && string.CompareOrdinal(pair.Key, newest) > 0)
                {
                    newest = pair.Key;
                }
            }

            return newest;
        }
    }

    /// <summary>Every version the table lists, with whether it has <c>properties.encryption</c>.</summary>
    public static IReadOnlyDictionary<string, bool> All => Known;

    /// <summary>
    /// Whether the API version has <c>properties.encryption</c>: from the table, else by date (versions
    /// not listed, such as retired previews or versions newer than the table, follow the first version
    /// that added it); null when the text is not an API version.
    /// </summary>
    public static bool? HasEncryption(string? apiVersion)
    {
        if (apiVersion is null)
        {
            return null;
        }

        string version = apiVersion.Trim();
        if (Known.TryGetValue(version, out bool has))
        {
            return has;
        }

        if (version.Length < 10 || !DateTime.TryParseExact(version.Substring(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return null;
        }

        return date >= new DateTime(2019, 12, 1);
    }
}
