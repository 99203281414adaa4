"""Files in and out of the whole app (File → Import, File → Export): not a screen of its own."""
