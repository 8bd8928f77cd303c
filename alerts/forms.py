"""The subscribe form and the manage page's frequency form, in the public forms' pattern."""

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from core.forms import PublicFormMixin
from search.query import InvalidSearch

from .models import Subscription
from .queries import saved_query


class SubscribeForm(PublicFormMixin, forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        help_text=_("We send a link to this address; alerts start once you confirm."),
    )
    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=Subscription.Frequency.choices,
        initial=Subscription.Frequency.IMMEDIATE,
        widget=forms.RadioSelect,
    )
    kind = forms.ChoiceField(choices=Subscription.Kind.choices, widget=forms.HiddenInput)
    query = forms.CharField(max_length=1000, required=False, widget=forms.HiddenInput)

    def clean(self):
        """The saved search in its canonical form, or the search page's own complaint."""
        cleaned = super().clean()
        if "kind" in cleaned:
            try:
                cleaned["query"] = saved_query(
                    QueryDict(cleaned.get("query", "")), kind=cleaned["kind"]
                )
            except InvalidSearch as error:
                raise forms.ValidationError(error.messages) from error
        return cleaned


class FrequencyForm(PublicFormMixin, forms.Form):
    frequency = forms.ChoiceField(label=_("How often"), choices=Subscription.Frequency.choices)
