from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest

from .clientaddr import address_hash


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request: HttpRequest) -> str:
        # allauth keys its login rate limits by client address; give it the keyed hash,
        # so no raw address reaches the cache either.
        return address_hash(request)
