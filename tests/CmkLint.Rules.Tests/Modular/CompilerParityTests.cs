using System.Collections.Generic;
using CmkLint.Diagnostics;
using CmkLint.Evaluation;
using CmkLint.Rules.Tests.BicepLowering;
using CmkLint.Text;
using Xunit;

namespace CmkLint.Rules.Tests.Modular;

/// <summary>Files the compiler (or ARM) accepts are read without errors; files they reject give CMK900 where they do.</summary>
public sealed class CompilerParityTests
{
    [Fact]
    public void Bicep_object_keys_that_differ_only_in_case_compile_and_each_reads_its_own_value()
    {
        // bicep build 0.49.2 compiles this (only keys equal in case are BCP025).
        string text = """
            var tags = {
              Env: 'prod'
              env: 'production'
            }
            var upper = tags.Env
            var lower = tags.env
            """;
        var files = new BicepFiles(("main.bicep", text));
        Assert.Empty(files.Analyze("main.bicep").Of("CMK900"));
        var root = files.Graph("main.bicep").Root;
        Assert.Equal("prod", Assert.IsType<StringValue>(root.GetVariable("upper", SourceSpan.None)).Text);
        Assert.Equal("production", Assert.IsType<StringValue>(root.GetVariable("lower", SourceSpan.None)).Text);
    }

    [Fact]
    public void Bicep_keys_equal_in_case_are_still_bcp025()
    {
        var files = new BicepFiles(("main.bicep", "var tags = {\n  env: 'prod'\n  env: 'production'\n}\n"));
        Assert.Equal(2, files.Analyze("main.bicep").Of("CMK900").FindAll(f => f.Message.StartsWith("BCP025", System.StringComparison.Ordinal)).Count);
    }

    [Fact]
    public void Bicep_missing_local_module_is_cmk900_at_the_module_path_like_bcp091()
    {
        string text = "module m 'modules/nothere.bicep' = {\n  name: 'm'\n}\n";
        var files = new BicepFiles(("main.bicep", text));
        var result = files.Analyze("main.bicep");
        var error = Assert.Single(result.Of("CMK900"));
        Assert.Equal(Level.Error, error.Level);
        Assert.StartsWith("BCP091", error.Message, System.StringComparison.Ordinal);
        Assert.Equal(Lint.Locate(text, "'modules/nothere.bicep'"), error.Position());
        Assert.DoesNotContain(result.Of("CMK901"), f => f.Message.Contains("nothere", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Bicep_missing_module_above_the_files_folder_stays_a_note()
    {
        // A path climbing out of the folder may lead outside the analysed files (a partial checkout of a larger repository).
        var files = new BicepFiles(("main.bicep", "module m '../../shared/nothere.bicep' = {\n  name: 'm'\n}\n"));
        var result = files.Analyze("main.bicep");
        Assert.Empty(result.Of("CMK900"));
        Assert.Single(result.Of("CMK901"));
    }

    [Fact]
    public void Arm_expression_arm_rejects_is_cmk900_at_its_span()
    {
        string json = Templates.ArmTemplate("""
                {
                  "type": "Microsoft.KeyVault/vaults",
                  "apiVersion": "2023-07-01",
                  "name": "kv1",
                  "location": "westeurope",
                  "properties": {
                    "tenantId": "[data.azure_client_config.current.tenantId]",
                    "sku": { "family": "A", "name": "standard" }
                  }
                }
            """);
        var error = Assert.Single(Lint.Files(new Dictionary<string, string> { [Lint.MainPath] = json }).Of("CMK900"));
        Assert.Equal(Lint.Locate(json, "[data.azure_client_config").Line, error.Position().Line);
        Assert.InRange(error.Position().Column, Lint.Locate(json, "[data.azure_client_config").Column, Lint.Locate(json, ".tenantId]").Column + 10);
    }
}
