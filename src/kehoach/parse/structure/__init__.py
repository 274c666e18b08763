"""The structure pass: zones of the document, numbering markers, the section tree."""
