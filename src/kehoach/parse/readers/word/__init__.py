"""Word documents: .docx through python-docx, legacy .doc through LibreOffice."""
