"""PDF text layers: words, ruling lines and tables from PDFium."""
