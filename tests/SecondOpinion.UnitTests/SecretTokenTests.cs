using SecondOpinion.Web.Infrastructure;

namespace SecondOpinion.UnitTests;

public class SecretTokenTests
{
    [Fact]
    public void A_new_token_is_url_safe_and_only_its_hash_is_kept()
    {
        var (token, hash) = SecretTokens.New();

        Assert.True(SecretTokens.LooksValid(token));
        Assert.Equal(Uri.EscapeDataString(token), token);
        Assert.Equal(64, hash.Length);
        Assert.DoesNotContain(token, hash, StringComparison.Ordinal);
        Assert.True(SecretTokens.Matches(token, hash));
    }

    [Fact]
    public void Tokens_differ_and_one_does_not_open_another()
    {
        var tokens = Enumerable.Range(0, 1000).Select(_ => SecretTokens.New()).ToList();

        Assert.Equal(tokens.Count, tokens.Select(t => t.Token).Distinct(StringComparer.Ordinal).Count());
        Assert.False(SecretTokens.Matches(tokens[0].Token, tokens[1].Hash));
        Assert.False(SecretTokens.Matches(tokens[0].Token, "not a hash"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa%0")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\0")]
    public void A_malformed_token_is_not_looked_up(string? token) => Assert.False(SecretTokens.LooksValid(token));
}
