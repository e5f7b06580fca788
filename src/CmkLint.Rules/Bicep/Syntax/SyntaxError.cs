using CmkLint.Text;

namespace CmkLint.Bicep.Syntax;

/// <summary>A syntax error's code and message before it is placed at a span; the catalogue mirrors the Bicep compiler's parse errors.</summary>
internal readonly struct SyntaxError
{
    private SyntaxError(string code, string message, bool isNote = false)
    {
        Code = code;
        Message = message;
        IsNote = isNote;
    }

    public string Code { get; }

    public string Message { get; }

    /// <summary>Not an error the compiler reports: text CmkLint does not read (a CMK901 note).</summary>
    public bool IsNote { get; }

    public static SyntaxError UnrecognizedToken(string text) => new("BCP001", $"The following token is not recognized: \"{text}\".");

    public static SyntaxError UnterminatedMultilineComment() => new("BCP002", "The multi-line comment at this location is not terminated. Terminate it with the */ character sequence.");

    public static SyntaxError UnterminatedString() => new("BCP003", "The string at this location is not terminated. Terminate the string with a single quote character.");

    public static SyntaxError UnterminatedStringWithNewLine() => new("BCP004", "The string at this location is not terminated due to an unexpected new line character.");

    public static SyntaxError UnterminatedEscapeAtEndOfFile() => new("BCP005", "The string at this location is not terminated. Complete the escape sequence and terminate the string with a single unescaped quote character.");

    public static SyntaxError UnrecognizedEscape() => new("BCP006", "The specified escape sequence is not recognized. Only the following escape sequences are allowed: \"\\$\", \"\\'\", \"\\\\\", \"\\n\", \"\\r\", \"\\t\", \"\\u{...}\".");

    public static SyntaxError UnrecognizedDeclaration() => new("BCP007", "This declaration type is not recognized. Specify a metadata, parameter, variable, resource, or output declaration.");

    public static SyntaxError ExpectedParameterContinuation() => new("BCP008", "Expected the \"=\" token, or a newline at this location.");

    public static SyntaxError UnrecognizedExpression() => new("BCP009", "Expected a literal value, an array, an object, a parenthesized expression, or a function call at this location.");

    public static SyntaxError InvalidInteger() => new("BCP010", "Expected a valid 64-bit signed integer.");

    public static SyntaxError ExpectedKeyword(string keyword) => new("BCP012", $"Expected the \"{keyword}\" keyword at this location.");

    public static SyntaxError ExpectedParameterIdentifier() => new("BCP013", "Expected a parameter identifier at this location.");

    public static SyntaxError ExpectedVariableIdentifier() => new("BCP015", "Expected a variable identifier at this location.");

    public static SyntaxError ExpectedOutputIdentifier() => new("BCP016", "Expected an output identifier at this location.");

    public static SyntaxError ExpectedResourceIdentifier() => new("BCP017", "Expected a resource identifier at this location.");

    /// <summary>The parser asks for this error before every token it expects, found or not: the common ones are built once.</summary>
    public static SyntaxError ExpectedCharacter(string character) => character switch
    {
        ":" => ExpectedColon,
        "]" => ExpectedRightSquare,
        ")" => ExpectedRightParenthesis,
        "}" => ExpectedRightBrace,
        "{" => ExpectedLeftBrace,
        "(" => ExpectedLeftParenthesis,
        "=" => ExpectedAssignment,
        _ => NewExpectedCharacter(character),
    };

    private static readonly SyntaxError ExpectedColon = NewExpectedCharacter(":");
    private static readonly SyntaxError ExpectedRightSquare = NewExpectedCharacter("]");
    private static readonly SyntaxError ExpectedRightParenthesis = NewExpectedCharacter(")");
    private static readonly SyntaxError ExpectedRightBrace = NewExpectedCharacter("}");
    private static readonly SyntaxError ExpectedLeftBrace = NewExpectedCharacter("{");
    private static readonly SyntaxError ExpectedLeftParenthesis = NewExpectedCharacter("(");
    private static readonly SyntaxError ExpectedAssignment = NewExpectedCharacter("=");

    private static SyntaxError NewExpectedCharacter(string character) => new("BCP018", $"Expected the \"{character}\" character at this location.");

    public static SyntaxError ExpectedNewLine() => new("BCP019", "Expected a new line character at this location.");

    public static SyntaxError ExpectedFunctionOrPropertyName() => new("BCP020", "Expected a function or property name at this location.");

    public static SyntaxError ExpectedPropertyName() => new("BCP022", "Expected a property name at this location.");

    public static SyntaxError ExpectedVariableOrFunctionName() => new("BCP023", "Expected a variable or function name at this location.");

    public static SyntaxError IdentifierTooLong() => new("BCP024", "The identifier exceeds the limit of 255. Reduce the length of the identifier.");

    public static SyntaxError DuplicateProperty(string name) => new("BCP025", $"The property \"{name}\" is declared multiple times in this object. Remove or rename the duplicate properties.");

    public static SyntaxError UnexpectedTokensInInterpolation() => new("BCP064", "Found unexpected tokens in interpolated expression.");

    public static SyntaxError ExpectedResourceTypeString() => new("BCP068", "Expected a resource type string. Specify a valid resource type of format \"<type-name>@<apiVersion>\".");

    public static SyntaxError ComplexLiteralsNotAllowed() => new("BCP087", "Array and object literals are not allowed here.");

    public static SyntaxError ExpectedModuleIdentifier() => new("BCP096", "Expected a module identifier at this location.");

    public static SyntaxError ExpectedModulePathString() => new("BCP097", "Expected a module path string. This should be a relative path to another bicep file, e.g. 'myModule.bicep' or '../parent/myModule.bicep'");

    public static SyntaxError DoubleQuoteToken() => new("BCP103", "The following token is not recognized: \"\"\". Strings are defined using single quotes in bicep.");

    public static SyntaxError TargetScopeMultipleDeclarations() => new("BCP112", "The \"targetScope\" cannot be declared multiple times in one file.");

    public static SyntaxError EmptyIndexerNotAllowed() => new("BCP117", "An empty indexer is not allowed. Specify a valid expression.");

    public static SyntaxError ExpectedBodyStartOrIfOrLoopStart() => new("BCP118", "Expected the \"{\" character, the \"[\" character, or the \"if\" keyword at this location.");

    public static SyntaxError ExpectedNamespaceOrDecoratorName() => new("BCP123", "Expected a namespace or decorator name at this location.");

    public static SyntaxError ExpectedDeclarationAfterDecorator() => new("BCP132", "Expected a declaration after the decorator.");

    public static SyntaxError InvalidUnicodeEscape() => new("BCP133", "The unicode escape sequence is not valid. Valid unicode escape sequences range from \\u{0} to \\u{10FFFF}.");

    public static SyntaxError UnterminatedMultilineString() => new("BCP140", "The multi-line string at this location is not terminated. Terminate it with \"'''\".");

    public static SyntaxError ExpectedLoopItemIdentifierOrVariableBlockStart() => new("BCP162", "Expected a loop item variable identifier or \"(\" at this location.");

    public static SyntaxError ExpectedBodyStartOrIf() => new("BCP167", "Expected the \"{\" character or the \"if\" keyword at this location.");

    public static SyntaxError MissingDiagnosticCodes(string directive) => new("BCP226", $"Expected at least one diagnostic code at this location. Valid format is \"#{directive} diagnosticCode1 diagnosticCode2 ...\"");

    public static SyntaxError ExpectedNewLineOrCommaSeparator() => new("BCP236", "Expected a new line or comma character at this location.");

    public static SyntaxError ExpectedCommaSeparator() => new("BCP237", "Expected a comma character at this location.");

    public static SyntaxError UnexpectedNewLineAfterCommaSeparator() => new("BCP238", "Unexpected new line character after a comma.");

    public static SyntaxError ParenthesesMustHaveExactlyOneItem() => new("BCP243", "Parentheses must contain exactly one expression.");

    public static SyntaxError ExpectedLoopVariableBlockWith2Elements(int count) => new("BCP249", $"Expected loop variable block to consist of exactly 2 elements (item variable and index variable), but found {count}.");

    public static SyntaxError ExpectedMetadataIdentifier() => new("BCP266", "Expected a metadata identifier at this location.");

    public static SyntaxError UnrecognizedTypeExpression() => new("BCP279", "Expected a type at this location. Please specify a valid type expression or one of the following types: \"any\", \"array\", \"bool\", \"int\", \"object\", \"string\".");

    public static SyntaxError ExpectedTypeLiteral() => new("BCP300", "Expected a type literal at this location. Please specify a concrete value or a reference to a literal type.");

    public static SyntaxError ExpectedTypeIdentifier() => new("BCP325", "Expected a type identifier at this location.");

    public static SyntaxError ExpectedTestIdentifier() => new("BCP346", "Expected a test identifier at this location.");

    public static SyntaxError ExpectedTestPathString() => new("BCP347", "Expected a test path string at this location.");

    public static SyntaxError ExpectedImportTarget() => new("BCP018", "Expected the \"{\" character or the \"*\" character at this location.");

    public static SyntaxError ExpectedExtensionSpecification() => new("BCP201", "Expected an extension specification string or identifier at this location.");

    public static SyntaxError ExpectedAliasName() => new("BCP202", "Expected an alias name at this location.");

    public static SyntaxError ExpectedUsingPath() => new("BCP097", "Expected a path string or the \"none\" keyword at this location.");

    /// <summary>The compiler accepts any depth; CmkLint stops at <see cref="NestingLimit.MaxDepth"/> and reads the rest of the line as unknown.</summary>
    public static SyntaxError NestingTooDeep(int others) => new(
        "CMKBICEP001",
        NestingLimit.Message("This expression") + (others > 0 ? $" ({others} more constructs nested as deeply are not read either)" : string.Empty),
        isNote: true);

    public static SyntaxError TooManyErrors() => new("CMKBICEP002", "Too many syntax errors; later errors in this file are not reported.");
}
