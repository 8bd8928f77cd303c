"""Loads demo content: the site tree, the seed ISAR release, generated releases with a couple
of pictures, the footer."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from wagtail import hooks

from demo.featured import home_featured_set
from demo.footer import demo_footer_set
from demo.generator import demo_lines
from demo.images import demo_images_add
from home.services import site_tree_create
from pressroom.importing.progress import command_import
from pressroom.models import PressReleasePage


class Command(BaseCommand):
    help = "Create the site tree and published demo press releases in English and Azerbaijani."

    def add_arguments(self, parser):
        parser.add_argument(
            "--releases",
            type=int,
            default=300,
            help="How many releases to generate besides the seed release (default 300).",
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when any press release exists (for `make run`).",
        )

    def handle(self, *args, releases: int, if_empty: bool, verbosity: int, **options):
        if releases < 0:
            raise CommandError("--releases must be 0 or more")
        if if_empty and PressReleasePage.objects.exists():
            self.stdout.write("Press releases exist; demo content not loaded.")
            return
        site_tree_create()
        rejected = 0
        seed = settings.BASE_DIR.parent / "shared" / "seed" / "isar-2000.jsonl"
        if seed.is_file():
            with seed.open("rb") as lines:
                summary = command_import(
                    command=self,
                    lines=lines,
                    total=None,
                    publish=True,
                    source=seed.name,
                    verbosity=verbosity,
                )
            self.stdout.write(f"{seed.name}: {summary}")
            rejected += summary.rejected
        else:
            self.stderr.write(
                "The shared seed folder is missing (../shared/seed/isar-2000.jsonl beside "
                "the repository); going on without the ISAR release."
            )
        summary = command_import(
            command=self,
            lines=demo_lines(count=releases),
            total=releases,
            publish=True,
            source=f"demo ({releases} releases)",
            verbosity=verbosity,
        )
        self.stdout.write(f"generated: {summary}")
        rejected += summary.rejected
        demo_images_add()
        # Other content apps' demo content, around the releases just loaded: each
        # "demo_content_load" hook creates its own and returns a one-line summary.
        for hook in hooks.get_hooks("demo_content_load"):
            self.stdout.write(hook())
        home_featured_set()
        demo_footer_set()
        if rejected:
            raise CommandError(f"{rejected} demo line(s) rejected; see the messages above")
