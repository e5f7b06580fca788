using System.Collections.Generic;
using CmkLint.Diagnostics;

namespace CmkLint.Rules;

/// <summary>A CMK rule: a descriptor and one pure, stateless check over a resource graph.</summary>
public interface IRule
{
    RuleDescriptor Descriptor { get; }

    /// <summary>Yields the findings for one deployment tree. Never throws on odd input.</summary>
    IEnumerable<Finding> Analyze(RuleContext context);
}

/// <summary>A rule that compares with a previous state (RuleContext.Previous); the engine runs it once per comparison.</summary>
public interface IPreviousStateRule : IRule
{
}

/// <summary>A rule about a registry's earlier states (CMK007): the engine runs it in the ordinary pass (RuleContext.Previous null) and once per comparison.</summary>
public interface IEarlierStateRule : IRule
{
}
