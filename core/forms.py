"""How the public site's forms render: one field template and one error summary.

Every form a visitor fills in (join, login, password reset) mixes in ``PublicFormMixin``,
so labels, hints and errors follow one pattern (the GOV.UK design system's): label, hint
below it, the error, then the input; Django ties hint and error to the input with
``aria-describedby``. Wagtail's admin keeps its own rendering.
"""

from django.forms.renderers import DjangoTemplates


class PublicFormRenderer(DjangoTemplates):
    field_template_name = "core/forms/field.html"


class PublicFormMixin:
    """Renders the form's fields with the public site's field template, labels without
    a trailing colon."""

    default_renderer = PublicFormRenderer()

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
