"""The contact block shown under a press release and on an organization's profile."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Contact:
    name: str = ""
    address: str = ""
    phones: list[str] = field(default_factory=list)
    fax: str = ""
    email: str = ""
    mobile: str = ""
    whatsapp: str = ""

    def is_empty(self) -> bool:
        return not any(
            (self.name, self.address, self.phones, self.fax, self.email, self.mobile, self.whatsapp)
        )

    def has_details(self) -> bool:
        """Whether there is a way to reach someone, beyond the name a profile already shows."""
        return any((self.address, self.phones, self.fax, self.email, self.mobile, self.whatsapp))
