"""Proposal reports: the XLSX workbook (xlsx.py) and the order-upload trade file (orders.py), made from a
proposal stored in the client book (proposal.py). The PDF report is not written yet."""
