"""Generator for the AWS Lambda interview guide: YAML content -> checked model -> Markdown.

The package never imports MkDocs; `generator.mkdocs_hook` is the only bridge to it.
"""

__version__ = "0.1.0"
