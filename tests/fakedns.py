"""A resolver tests give the crawler check instead of the network's DNS."""

# address -> reverse DNS name; name -> addresses it resolves to
REVERSE = {
    "66.249.66.1": "crawl-66-249-66-1.googlebot.com",
    "157.55.39.1": "msnbot-157-55-39-1.search.msn.com",
    "203.0.113.66": "crawl-203-0-113-66.googlebot.com.evil.example",  # a lookalike name
    "203.0.113.67": "crawl-66-249-66-1.googlebot.com",  # claims a name that is not its own
}
FORWARD = {
    "crawl-66-249-66-1.googlebot.com": {"66.249.66.1"},
    "msnbot-157-55-39-1.search.msn.com": {"157.55.39.1"},
    "crawl-203-0-113-66.googlebot.com.evil.example": {"203.0.113.66"},
}
LOOKUPS: list[str] = []


class Resolver:
    def reverse(self, address: str) -> str | None:
        LOOKUPS.append(address)
        return REVERSE.get(address)

    def forward(self, host: str) -> set[str]:
        return FORWARD.get(host, set())
