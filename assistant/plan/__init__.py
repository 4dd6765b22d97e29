"""Questions as typed query plans: read (rules or an LLM), executed exactly over the records, answered.

:mod:`assistant.plan.models` holds the :class:`~assistant.plan.models.QueryPlan` every question
becomes; :mod:`assistant.plan.rules` fills it offline; :mod:`assistant.plan.llm_planner` fills the
same plan by structured output when a chat model is configured; :mod:`assistant.plan.executor`
computes the result over every matching record; :mod:`assistant.plan.answers` writes the evidence
that leads with the answer.
"""
