from django.urls import path

from scraping import views

urlpatterns = [
    path("sync/now/", views.sync_now, name="sync_now"),
    path("sync/runs/", views.run_list, name="run_list"),
    path("sync/runs/<int:pk>/", views.run_detail, name="run_detail"),
    path("sync/runs/<int:pk>/progress/", views.run_progress, name="run_progress"),
    path(
        "sync/runs/<int:pk>/screenshot.png",
        views.run_screenshot,
        name="run_screenshot",
    ),
    path("sync/runs/<int:pk>/page.txt", views.run_page, name="run_page"),
    path(
        "operators/runs/<int:pk>/screenshot.png",
        views.admin_run_screenshot,
        name="admin_run_screenshot",
    ),
]
