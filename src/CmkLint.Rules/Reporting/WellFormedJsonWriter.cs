using System.IO;
using Newtonsoft.Json;

namespace CmkLint.Reporting;

/// <summary>A JSON writer that never writes a lone surrogate (a template's <c>"\udc00"</c>): it becomes U+FFFD, so the report is valid UTF-8.</summary>
internal sealed class WellFormedJsonWriter : JsonTextWriter
{
    public WellFormedJsonWriter(TextWriter output)
        : base(output)
    {
    }

    public override void WriteValue(string? value) => base.WriteValue(PrintableText.WellFormed(value));

    public override void WritePropertyName(string name) => base.WritePropertyName(PrintableText.WellFormed(name)!);

    public override void WritePropertyName(string name, bool escape) => base.WritePropertyName(PrintableText.WellFormed(name)!, escape);
}
