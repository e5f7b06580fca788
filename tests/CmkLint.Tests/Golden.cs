using System;
using System.IO;
using System.Text.RegularExpressions;
using Xunit;

namespace CmkLint.Tests;

/// <summary>Compares output with a file under <c>Golden/</c>; set CMKLINT_UPDATE_GOLDEN=1 to rewrite the files after an intended change.</summary>
public static class Golden
{
    /// <summary>Timing is the only thing that differs between runs.</summary>
    public static string Normalize(string text)
    {
        text = text.Replace("\r\n", "\n");
        text = Regex.Replace(text, @"\(\d+\.\d\d s\)", "(T s)");
        text = Regex.Replace(text, "\"elapsedSeconds\": [0-9.E-]+", "\"elapsedSeconds\": 0");
        return text;
    }

    public static void Verify(string name, string actual)
    {
        string path = Path.Combine(Repository.Root, "tests", "CmkLint.Tests", "Golden", name);
        string normalized = Normalize(actual);
        if (Environment.GetEnvironmentVariable("CMKLINT_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, normalized);
        }

        Assert.True(File.Exists(path), $"golden file {path} is missing; run with CMKLINT_UPDATE_GOLDEN=1 to create it");
        Assert.Equal(File.ReadAllText(path).Replace("\r\n", "\n"), normalized);
    }
}
