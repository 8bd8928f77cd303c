"""Model fields shared by the directory and the press room."""

from django import forms
from django.db import models


class LinesFormField(forms.CharField):
    """Edits a list of short strings as a textarea with one item per line."""

    widget = forms.Textarea(attrs={"rows": 3})

    def __init__(self, *args, item_max_length: int = 64, **kwargs):
        self.item_max_length = item_max_length
        super().__init__(*args, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(value)
        return value

    def to_python(self, value):
        if isinstance(value, list):
            return [str(item).strip() for item in value if str(item).strip()]
        text = super().to_python(value)
        return [line.strip() for line in text.splitlines() if line.strip()]

    def validate(self, value):
        if self.required and not value:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        for item in value:
            if len(item) > self.item_max_length:
                raise forms.ValidationError(
                    "Each line must be at most %(max)d characters.",
                    code="max_length",
                    params={"max": self.item_max_length},
                )


class StringListField(models.JSONField):
    """A JSON list of strings (phone numbers, say): portable to SQLite and PostgreSQL.

    Django has no list field outside PostgreSQL's ArrayField, and an inline model
    per phone number would be a table and a panel for a one-line value.
    """

    def __init__(self, *args, item_max_length: int = 64, **kwargs):
        self.item_max_length = item_max_length
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.item_max_length != 64:
            kwargs["item_max_length"] = self.item_max_length
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return LinesFormField(
            required=not self.blank,
            item_max_length=self.item_max_length,
            label=kwargs.get("label", self.verbose_name.capitalize()),
            help_text=self.help_text or "One per line.",
        )
