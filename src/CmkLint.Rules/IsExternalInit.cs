// Lets netstandard2.0 code use records and init-only setters (the type ships only in .NET 5+).
namespace System.Runtime.CompilerServices;

internal static class IsExternalInit
{
}
