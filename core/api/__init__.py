"""What our API routers share: problem responses, conditional requests, parameter types.

Each app owns its router and schemas (``pressroom/api``, ``directory/api.py``,
``search/api.py``); they meet only here, so no app's API imports another's.
"""
