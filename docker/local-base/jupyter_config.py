# Like docker-stacks' /etc/jupyter/jupyter_server_config.py: listen on every
# interface at port 8888 without opening a browser; command-line flags win.
# Installed as both jupyter_server_config.py and jupyter_notebook_config.py.
c = get_config()  # noqa: F821 (defined by Jupyter when it loads this file)
for app in (c.ServerApp, c.NotebookApp):
    app.ip = "0.0.0.0"
    app.port = 8888
    app.open_browser = False
