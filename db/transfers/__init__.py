"""The transfer area: deals of every kind (the shortlist's targets among them), their instalments
and add-ons, what-if scenarios, each season's budgets and the clauses of a contract."""
