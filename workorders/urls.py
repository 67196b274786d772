from django.urls import path

from workorders import views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("orders/export.csv", views.export_csv, name="export_csv"),
    path("orders/<str:external_id>/", views.work_order, name="work_order"),
]
