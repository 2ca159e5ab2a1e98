"""HTML and Markdown pages from the framework, the ranking and the reports: `journeyctl render`.

    pages = plan_site(framework, journeys, improvements, RenderOptions(...))
    env = environment(project_templates)     # Jinja2, sandboxed, strict
    text = render_page(env, pages[0])        # TemplateRefused names a template that fails

The view data of each page is in `*_view.py` (plain data, numbers already in the site's
language), the templates in the repository's top-level `templates/` (shipped inside this
package as `templates/`).
"""

from journeyctl.render.made import Made, made_from
from journeyctl.render.site import Format, Page, RenderOptions, plan_site, render_page
from journeyctl.render.targets import TargetRefused, check_targets, refuse_inside_tree
from journeyctl.render.templating import BUILTIN_TEMPLATES, TemplateRefused, environment

__all__ = [
    "BUILTIN_TEMPLATES",
    "Format",
    "Made",
    "Page",
    "RenderOptions",
    "TargetRefused",
    "TemplateRefused",
    "check_targets",
    "environment",
    "made_from",
    "plan_site",
    "refuse_inside_tree",
    "render_page",
]
