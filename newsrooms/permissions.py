"""Who may edit which directory entry: model permissions, plus each newsroom's own entry.

Wagtail's snippet permissions are per model. Communications staff keep them (every entry);
an organization's newsroom members get "change" on their own entry, in every language,
and on nothing else. Wagtail's views and the API ask this policy, so no view checks by hand.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from wagtail.permission_policies import ModelPermissionPolicy

# What newsroom membership allows on the organization's own entry; publishing is not among
# it, so members' changes go through the "Communications review" workflow.
MEMBER_ACTIONS = frozenset({"change"})


class OrganizationPermissionPolicy(ModelPermissionPolicy):
    def _member_translation_keys(self, user) -> frozenset:
        """Translation keys of the entries whose newsrooms the user belongs to, once per user."""
        if not user.is_active or user.is_anonymous:
            return frozenset()
        cached = getattr(user, "_newsroom_organization_keys", None)
        if cached is None:
            from .models import Newsroom

            cached = frozenset(
                Newsroom.objects.filter(group__user=user).values_list(
                    "organization__translation_key", flat=True
                )
            )
            user._newsroom_organization_keys = cached
        return cached

    def _model_allows(self, user, actions) -> bool:
        """The model permission alone, as Wagtail's default policy would answer."""
        model_policy = super()
        return any(model_policy.user_has_permission(user, action) for action in actions)

    def user_has_permission(self, user, action) -> bool:
        if self._model_allows(user, [action]):
            return True
        return action in MEMBER_ACTIONS and bool(self._member_translation_keys(user))

    def user_has_permission_for_instance(self, user, action, instance) -> bool:
        if self._model_allows(user, [action]):
            return True
        return action in MEMBER_ACTIONS and instance.translation_key in (
            self._member_translation_keys(user)
        )

    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet:
        if self._model_allows(user, actions):
            return self.model._default_manager.all()
        if MEMBER_ACTIONS.intersection(actions):
            return self.model._default_manager.filter(
                translation_key__in=self._member_translation_keys(user)
            )
        return self.model._default_manager.none()

    def users_with_any_permission(self, actions) -> QuerySet:
        users = super().users_with_any_permission(actions)
        if not MEMBER_ACTIONS.intersection(actions):
            return users
        return self._with_members(users, Q(groups__newsroom__isnull=False))

    def users_with_any_permission_for_instance(self, actions, instance) -> QuerySet:
        users = super().users_with_any_permission(actions)
        if not MEMBER_ACTIONS.intersection(actions):
            return users
        return self._with_members(
            users, Q(groups__newsroom__organization__translation_key=instance.translation_key)
        )

    def _with_members(self, users: QuerySet, members: Q) -> QuerySet:
        members_qs = get_user_model().objects.filter(members, is_active=True)
        return get_user_model().objects.filter(
            Q(pk__in=users.values("pk")) | Q(pk__in=members_qs.values("pk"))
        )
