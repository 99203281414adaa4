"""The squad list screen: the table model over cached squad rows, its editors, dialogs and undo commands."""
