using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types.Scalars;

namespace Cases.GraphQL.Engine.Tests.Types;

public class ScalarTests
{
    private static string ErrorOf(Action action) => Assert.Throws<GraphQLException>(action).Message;

    [Fact]
    public void Int_accepts_32_bit_integers_only()
    {
        Assert.Equal(5, BuiltInScalars.Int.ParseValue(5L));
        Assert.Equal(3, BuiltInScalars.Int.ParseValue(3.0));
        Assert.Equal("Int cannot represent non-integer value: 1.5", ErrorOf(() => BuiltInScalars.Int.ParseValue(1.5)));
        Assert.Equal("Int cannot represent non 32-bit signed integer value: 2147483648", ErrorOf(() => BuiltInScalars.Int.ParseValue(2147483648L)));
        Assert.Equal("Int cannot represent non 32-bit signed integer value: 9999999999", ErrorOf(() => BuiltInScalars.Int.ParseLiteral(new IntValueNode("9999999999"), null)));
        Assert.Equal(1, BuiltInScalars.Int.Serialize(true));
        Assert.Equal(42, BuiltInScalars.Int.Serialize("42"));
        Assert.Equal("Int cannot represent non-integer value: \"x\"", ErrorOf(() => BuiltInScalars.Int.Serialize("x")));
    }

    [Fact]
    public void Float_rejects_non_finite_values()
    {
        Assert.Equal(2.0, BuiltInScalars.Float.ParseLiteral(new IntValueNode("2"), null));
        Assert.Equal("Float cannot represent non numeric value: NaN", ErrorOf(() => BuiltInScalars.Float.Serialize(double.NaN)));
        Assert.Equal("Float cannot represent non numeric value: \"1\"", ErrorOf(() => BuiltInScalars.Float.ParseValue("1")));
    }

    [Fact]
    public void String_Boolean_and_ID_coerce_as_graphql_js()
    {
        Assert.Equal("1.5", BuiltInScalars.String.Serialize(1.5));
        Assert.Equal("true", BuiltInScalars.String.Serialize(true));
        Assert.Equal("String cannot represent a non string value: 1", ErrorOf(() => BuiltInScalars.String.ParseValue(1L)));
        Assert.Equal(false, BuiltInScalars.Boolean.Serialize(0));
        Assert.Equal("Boolean cannot represent a non boolean value: 1", ErrorOf(() => BuiltInScalars.Boolean.ParseValue(1L)));
        Assert.Equal("12", BuiltInScalars.ID.ParseValue(12L));
        Assert.Equal("12", BuiltInScalars.ID.ParseLiteral(new IntValueNode("12"), null));
        Assert.Equal("ID cannot represent a non-string and non-integer value: 1.5", ErrorOf(() => BuiltInScalars.ID.ParseLiteral(new FloatValueNode("1.5"), null)));
    }

    [Fact]
    public void DateTime_requires_an_offset_and_serialises_in_utc()
    {
        var parsed = (DateTimeOffset)DateTimeScalar.Type.ParseValue("2025-03-01T10:30:00+01:00")!;
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 9, 30, 0, TimeSpan.Zero), parsed);
        Assert.Equal("2025-03-01T09:30:00Z", DateTimeScalar.Type.Serialize(parsed));
        Assert.Equal("2025-03-01T09:30:00.123Z", DateTimeScalar.Type.Serialize(parsed.AddMilliseconds(123)));
        Assert.Throws<GraphQLException>(() => DateTimeScalar.Type.ParseValue("2025-03-01T10:30:00"));
        Assert.Throws<GraphQLException>(() => DateTimeScalar.Type.ParseValue("2025-02-30T10:30:00Z"));
    }

    [Fact]
    public void LocalDate_and_Duration_round_trip()
    {
        Assert.Equal(new DateOnly(2024, 2, 29), LocalDateScalar.Type.ParseValue("2024-02-29"));
        Assert.Throws<GraphQLException>(() => LocalDateScalar.Type.ParseValue("2023-02-29"));
        Assert.Equal(TimeSpan.FromHours(4.5), DurationScalar.Type.ParseValue("PT4H30M"));
        Assert.Equal(TimeSpan.FromDays(15), DurationScalar.Type.ParseValue("P2W1D"));
        Assert.Equal("P1DT2H", DurationScalar.Type.Serialize(TimeSpan.FromHours(26)));
        Assert.Throws<GraphQLException>(() => DurationScalar.Type.ParseValue("P1Y"));
        Assert.Throws<GraphQLException>(() => DurationScalar.Type.ParseValue("P"));
    }
}

public class JsNumberTests
{
    [Theory]
    [InlineData(1.0, "1")]
    [InlineData(-1.5, "-1.5")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1.2345678901234568e20, "123456789012345680000")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(123.456, "123.456")]
    [InlineData(2147483648.0, "2147483648")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    [InlineData(5e-324, "5e-324")]
    public void Prints_numbers_as_javascript_does(double value, string expected) =>
        Assert.Equal(expected, Cases.GraphQL.Engine.Types.JsNumber.ToString(value));
}
