"""The availability forecast screen: the squad against the next fixtures."""
