"""Proposal reports: the XLSX workbook (xlsx.py) and the order-upload trade file (orders.py), made from a
proposal stored in the client book (proposal.py); review rows (review.py) and side-by-side comparison
(compare.py). The PDF is drawn by the GUI (gui/book/proposal_pdf.py), since the engine never imports Qt."""
